package dev.stagecraft.project;

import java.nio.file.Path;

/**
 * Save refused: the file on disk is no longer what the document was read from (another editor,
 * {@code git checkout}). The window asks the user, then saves with
 * {@link DockerfileText#overwrite} or reloads. The message is meant for the user.
 */
public final class ChangedOnDiskException extends TextFileException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final transient DiskVersion now;

    public ChangedOnDiskException(Path file, DiskVersion now) {
        super(file + " changed on disk since it was read; saving would overwrite those changes");
        this.file = file;
        this.now = now;
    }

    /** The file as the user named it. */
    public Path file() {
        return file;
    }

    /** What is on disk now. */
    public DiskVersion now() {
        return now;
    }
}
