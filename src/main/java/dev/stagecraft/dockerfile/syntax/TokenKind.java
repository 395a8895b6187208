package dev.stagecraft.dockerfile.syntax;

/** What a token is, for highlighting and for finding references. */
public enum TokenKind {
    /** The UTF-8 byte order mark at the start of the file. */
    BOM,
    WHITESPACE,
    /** {@code \n} or {@code \r\n}. */
    NEWLINE,
    /** The escape character that continues a line, with the blanks after it. */
    CONTINUATION,
    COMMENT,
    /** A parser directive line such as {@code # syntax=docker/dockerfile:1}. */
    DIRECTIVE,
    /** An instruction keyword, and {@code AS} in FROM, {@code CMD}/{@code NONE} in HEALTHCHECK. */
    KEYWORD,
    /** A flag's name with its dashes and {@code =}: {@code --from=}. */
    FLAG,
    FLAG_VALUE,
    /** A stage name: after {@code AS}, in {@code --from=}, or a FROM naming an earlier stage. */
    STAGE_NAME,
    /** An image reference in FROM. */
    IMAGE,
    /** A key in ENV, LABEL or ARG. */
    PROPERTY,
    /** {@code =} between key and value, and JSON punctuation. */
    OPERATOR,
    /** A quoted string. */
    STRING,
    /** {@code $X} or {@code ${X...}}. */
    VARIABLE,
    /** {@code <<EOF} and its variants. */
    HEREDOC_MARKER,
    HEREDOC_BODY,
    /** The line that ends a heredoc. */
    HEREDOC_END,
    /** Any other argument text. */
    TEXT
}
