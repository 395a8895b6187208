package dev.stagecraft.lint;

import static dev.stagecraft.lint.Lint.hadolint;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** hadolint's rules with hadolint's meaning (profile hadolint): the cases that define each one. */
class HadolintRulesTest {
    private static final List<String> NONE = List.of();

    @Test
    void dl3000() {
        assertEquals(List.of("DL3000@2"), hadolint("DL3000", "FROM a:1\nWORKDIR app\n"));
        assertEquals(NONE, hadolint("DL3000", "FROM a:1\nWORKDIR /app\nWORKDIR $HOME/x\nWORKDIR \"/q\"\nWORKDIR C:\\\\x\n"));
    }

    @Test
    void dl3002FiresOnEveryStageWhoseLastUserIsRoot() {
        String text = "FROM a:1 AS build\nUSER root\nFROM b:1\nUSER 0:0\nFROM c:1\nUSER root\nUSER app\n";
        assertEquals(List.of("DL3002@2", "DL3002@4"), hadolint("DL3002", text));
    }

    @Test
    void dl3003AndDl3004() {
        assertEquals(List.of("DL3003@2"), hadolint("DL3003", "FROM a:1\nRUN cd /x && make\n"));
        assertEquals(NONE, hadolint("DL3003", "FROM a:1\nRUN echo cd\n"));
        assertEquals(List.of("DL3004@2", "DL3004@3"), hadolint("DL3004",
                "FROM a:1\nRUN sudo apt-get install x\nONBUILD RUN sudo make\n"));
        assertEquals(NONE, hadolint("DL3004", "FROM a:1\nRUN echo sudo\n"));
    }

    @Test
    void dl3006() {
        assertEquals(List.of("DL3006@1"), hadolint("DL3006", "FROM debian\n"));
        assertEquals(List.of("DL3006@2"), hadolint("DL3006", "ARG IMAGE=debian:12\nFROM ${IMAGE}\n"));
        assertEquals(NONE, hadolint("DL3006", "FROM debian:12 AS base\nFROM base\nFROM scratch\nFROM a@sha256:abc\n"
                + "FROM reg.io:5000/a/b:1\n"));
    }

    @Test
    void dl3007() {
        assertEquals(List.of("DL3007@1"), hadolint("DL3007", "FROM node:latest\n"));
        assertEquals(NONE, hadolint("DL3007", "FROM node:20\nFROM node\n"));
    }

    @Test
    void dl3008() {
        assertEquals(List.of("DL3008@2"), hadolint("DL3008", "FROM a:1\nRUN apt-get update && apt-get install -y curl\n"));
        assertEquals(NONE, hadolint("DL3008", "FROM a:1\nRUN apt-get install -y curl=7.1 ./x.deb -t bookworm-backports "
                + "y/bookworm\n"));
        assertEquals(List.of("DL3008@2"), hadolint("DL3008", "FROM a:1\nONBUILD RUN apt-get install -y curl\n"));
    }

    @Test
    void dl3009LastStageAndStagesUsedAsBase() {
        String text = "FROM a:1 AS base\nRUN apt-get update && apt-get install -y x\n"
                + "FROM a:1 AS other\nRUN apt-get update\n"
                + "FROM base\nRUN apt-get update && apt-get install -y y\n";
        assertEquals(List.of("DL3009@2", "DL3009@6"), hadolint("DL3009", text));
        assertEquals(NONE, hadolint("DL3009", "FROM a:1\nRUN apt-get update && apt-get install -y x "
                + "&& rm -rf /var/lib/apt/lists/*\n"));
        assertEquals(NONE, hadolint("DL3009", "FROM a:1\nRUN --mount=type=cache,target=/var/lib/apt/lists apt-get update\n"));
        assertEquals(List.of("DL3009@3"), hadolint("DL3009", "FROM a:1 AS x\nFROM b:1\nONBUILD RUN apt-get update\n"));
    }

    @Test
    void dl3013() {
        assertEquals(List.of("DL3013@2"), hadolint("DL3013", "FROM a:1\nRUN pip install django\n"));
        assertEquals(NONE, hadolint("DL3013", "FROM a:1\nRUN pip install django==5 -r req.txt\n"));
        assertEquals(NONE, hadolint("DL3013", "FROM a:1\nRUN pip3 install 'x>=1' ./pkg git+https://h/r@v1 a.whl "
                + "&& python -m pip install --upgrade-strategy eager y==2\n"));
        assertEquals(List.of("DL3013@2"), hadolint("DL3013", "FROM a:1\nONBUILD RUN python3 -m pip install x\n"));
    }

    @Test
    void dl3014AndDl3015() {
        assertEquals(List.of("DL3014@2"), hadolint("DL3014", "FROM a:1\nRUN apt-get install curl\n"));
        assertEquals(NONE, hadolint("DL3014", "FROM a:1\nRUN apt-get -qq install curl && apt-get --yes install x "
                + "&& apt-get install --assume-yes y\n"));
        assertEquals(List.of("DL3015@2"), hadolint("DL3015", "FROM a:1\nRUN apt-get install -y curl\n"));
        assertEquals(NONE, hadolint("DL3015", "FROM a:1\nRUN apt-get install -y --no-install-recommends curl && "
                + "apt-get install -y -o APT::Install-Recommends=false x\n"));
    }

    @Test
    void dl3016() {
        assertEquals(List.of("DL3016@2"), hadolint("DL3016", "FROM a:1\nRUN npm install -g express\n"));
        assertEquals(NONE, hadolint("DL3016", "FROM a:1\nRUN npm install && npm install express@4 @s/p@1 ./x "
                + "git+https://h/r#v1 a.tgz\n"));
        assertEquals(List.of("DL3016@2"), hadolint("DL3016", "FROM a:1\nRUN npm install @scope/pkg\n"));
    }

    @Test
    void dl3018AndDl3019() {
        assertEquals(List.of("DL3018@2"), hadolint("DL3018", "FROM a:1\nRUN apk add --no-cache curl\n"));
        assertEquals(NONE, hadolint("DL3018", "FROM a:1\nRUN apk add curl=8.5 git~2 x.apk --virtual .deps\n"));
        assertEquals(List.of("DL3019@2"), hadolint("DL3019", "FROM a:1\nRUN apk add curl=1\n"));
        assertEquals(NONE, hadolint("DL3019", "FROM a:1\nRUN apk add --no-cache curl=1 && apk update\n"));
    }

    @Test
    void dl3020() {
        assertEquals(List.of("DL3020@2"), hadolint("DL3020", "FROM a:1\nADD app.py /app/\n"));
        assertEquals(NONE, hadolint("DL3020", "FROM a:1\nADD x.tar.gz /\nADD https://e.com/x /x\nADD [\"y.zip\", \"/\"]\n"));
    }

    @Test
    void dl3021() {
        assertEquals(List.of("DL3021@2"), hadolint("DL3021", "FROM a:1\nCOPY a b /dst\n"));
        assertEquals(NONE, hadolint("DL3021", "FROM a:1\nCOPY a b /dst/\nCOPY a /dst\nCOPY [\"a\", \"b\", \"/d/\"]\n"));
    }

    @Test
    void dl3022AndDl3023() {
        String text = "FROM a:1 AS build\nCOPY --from=build /a /b\nFROM b:1\nCOPY --from=build /a /b\n"
                + "COPY --from=later /a /b\nCOPY --from=0 /a /b\nFROM c:1 AS later\n";
        assertEquals(List.of("DL3022@5", "DL3022@6"), hadolint("DL3022", text));
        assertEquals(List.of("DL3023@2"), hadolint("DL3023", text));
    }

    @Test
    void dl3024() {
        assertEquals(List.of("DL3024@2"), hadolint("DL3024", "FROM a:1 AS x\nFROM b:1 AS x\nFROM c:1 AS y\n"));
    }

    @Test
    void dl3025() {
        assertEquals(List.of("DL3025@2", "DL3025@3"), hadolint("DL3025", "FROM a:1\nCMD node x.js\nENTRYPOINT run\n"));
        assertEquals(NONE, hadolint("DL3025", "FROM a:1\nCMD [\"node\"]\nENTRYPOINT [\"x\"]\n"));
    }

    @Test
    void dl3026OnlyWithTrustedRegistries() {
        String text = "FROM docker.io/a:1\nFROM quay.io/b:1 AS q\nFROM q\nFROM scratch\nFROM c:1\n";
        assertEquals(NONE, hadolint("DL3026", text));
        LintOptions o = LintOptions.of(Profile.HADOLINT).withTrustedRegistries(List.of("docker.io"));
        assertEquals(List.of(2), Lint.run(text, o).stream().filter(f -> f.rule().id().equals("DL3026"))
                .map(Finding::line).toList());
    }

    @Test
    void dl3027() {
        assertEquals(List.of("DL3027@2"), hadolint("DL3027", "FROM a:1\nRUN apt install -y x\n"));
        assertEquals(NONE, hadolint("DL3027", "FROM a:1\nRUN apt-get install -y x && apt-cache policy x\n"));
    }

    @Test
    void dl3042() {
        assertEquals(List.of("DL3042@2"), hadolint("DL3042", "FROM a:1\nRUN pip install x==1\n"));
        assertEquals(NONE, hadolint("DL3042", "FROM a:1\nRUN pip install --no-cache-dir x==1 && pipx install y "
                + "&& python -m pipenv install\n"));
        assertEquals(NONE, hadolint("DL3042", "FROM a:1 AS b\nENV PIP_NO_CACHE_DIR=1\nFROM b\nRUN pip install x==1\n"));
        assertEquals(NONE, hadolint("DL3042", "FROM a:1\nRUN PIP_NO_CACHE_DIR=true pip install x==1\n"));
        assertEquals(List.of("DL3042@3"), hadolint("DL3042", "FROM a:1\nENV PIP_NO_CACHE_DIR=0\nRUN pip install x==1\n"));
    }

    @Test
    void dl3045() {
        assertEquals(List.of("DL3045@2"), hadolint("DL3045", "FROM a:1\nCOPY x app/\n"));
        assertEquals(NONE, hadolint("DL3045", "FROM a:1\nCOPY x /app/\nCOPY y $D/\nWORKDIR /w\nCOPY z rel/\n"));
        assertEquals(NONE, hadolint("DL3045", "FROM a:1 AS b\nWORKDIR /w\nFROM b\nCOPY z rel/\n"));
        assertEquals(List.of("DL3045@4"), hadolint("DL3045", "FROM a:1 AS b\nWORKDIR /w\nFROM c:1\nCOPY z rel/\n"));
    }

    @Test
    void dl3047() {
        assertEquals(List.of("DL3047@2"), hadolint("DL3047", "FROM a:1\nRUN wget https://x/y\n"));
        assertEquals(NONE, hadolint("DL3047", "FROM a:1\nRUN wget -q https://x && wget -nv y && wget "
                + "--progress=dot:giga z && wget -O- -o log w\n"));
    }

    @Test
    void dl3059() {
        assertEquals(List.of("DL3059@3"), hadolint("DL3059", "FROM a:1\nRUN a\n# comment\nRUN b\n".replace(
                "# comment\nRUN b", "RUN b")));
        assertEquals(NONE, hadolint("DL3059", "FROM a:1\nRUN a && b && c\nRUN d\nRUN --mount=type=cache,target=/c e\n"
                + "ENV X=1\nRUN f\n"));
    }

    @Test
    void dl3060() {
        assertEquals(List.of("DL3060@2"), hadolint("DL3060", "FROM a:1\nRUN yarn install\n"));
        assertEquals(NONE, hadolint("DL3060", "FROM a:1\nRUN yarn install && yarn cache clean\n"));
    }

    @Test
    void dl4000() {
        assertEquals(List.of("DL4000@2"), hadolint("DL4000", "FROM a:1\nMAINTAINER me\n"));
    }

    @Test
    void dl4001PerStageWithOnbuildApart() {
        String text = "FROM a:1\nRUN wget -q x\nRUN curl -fsS y\nFROM b:1\nRUN curl -fsS z\n"
                + "ONBUILD RUN wget -q a\nONBUILD RUN curl b\n";
        assertEquals(List.of("DL4001@3", "DL4001@7"), hadolint("DL4001", text));
    }

    @Test
    void dl4003AndDl4004PerStage() {
        String text = "FROM a:1\nCMD [\"a\"]\nENTRYPOINT [\"a\"]\nCMD [\"b\"]\nENTRYPOINT [\"b\"]\nFROM b:1\nCMD [\"c\"]\n";
        assertEquals(List.of("DL4003@4"), hadolint("DL4003", text));
        assertEquals(List.of("DL4004@5"), hadolint("DL4004", text));
    }

    @Test
    void dl4006() {
        assertEquals(List.of("DL4006@2"), hadolint("DL4006", "FROM a:1\nRUN curl x | tar xz\n"));
        assertEquals(NONE, hadolint("DL4006", "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", \"-c\"]\n"
                + "RUN curl x | tar xz\nRUN a || b\n"));
        assertEquals(List.of("DL4006@4"), hadolint("DL4006", "FROM a:1\nSHELL [\"/bin/bash\", \"-o\", \"pipefail\", "
                + "\"-c\"]\nFROM b:1\nRUN curl x | tar xz\n"));
        assertEquals(NONE, hadolint("DL4006", "FROM a:1\nSHELL [\"pwsh\", \"-c\"]\nRUN a | b\n"));
    }

    @Test
    void shellRulesReadHeredocsAndShDashC() {
        String text = "FROM a:1\nRUN <<EOF\napt-get install curl\nEOF\nRUN sh -c 'sudo x'\n";
        assertEquals(List.of("DL3014@2"), hadolint("DL3014", text));
        assertEquals(List.of("DL3004@5"), hadolint("DL3004", text));
        assertEquals(NONE, hadolint("DL3014", "FROM a:1\nRUN cat <<EOF > /x\napt-get install curl\nEOF\n"));
    }

    @Test
    void hadolintProfileLintsStagesTheTargetNeverBuilds() {
        String text = "FROM a:1 AS old\nRUN sudo x\nFROM b:1\nRUN true\n";
        assertEquals(List.of("DL3004@2"), hadolint("DL3004", text));
        assertEquals(NONE, Lint.stagecraft("DL3004", text));
    }
}
