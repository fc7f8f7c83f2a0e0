package dev.m1go.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/** What the hostile-input ITs share: cases written on the fly, and looking at what is left through /proc and Docker. */
final class Hostile {

    private Hostile() {}

    /** A token no other process on this machine carries in its argv. */
    static String token() {
        return "m1go-hostile-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Path writeCase(Path casesDir, String id, String yaml, String mainGo) throws IOException {
        Path c = Files.createDirectories(casesDir.resolve(id));
        Files.writeString(c.resolve("case.yaml"), yaml);
        Files.writeString(c.resolve("main.go"), mainGo);
        return c;
    }

    /**
     * A program that re-executes itself as a {@code setsid} daemon (output detached) and as a background child that
     * keeps standard output open, then prints the marker and exits 0. Both copies carry {@code token} in their argv.
     */
    static String leavesDaemons(String token) {
        return """
                package main

                import (
                	"fmt"
                	"os"
                	"os/exec"
                	"syscall"
                	"time"
                )

                func main() {
                	if len(os.Args) > 1 {
                		time.Sleep(time.Hour)
                		return
                	}
                	d := exec.Command(os.Args[0], "daemon", "TOKEN")
                	d.SysProcAttr = &syscall.SysProcAttr{Setsid: true}
                	if err := d.Start(); err != nil {
                		panic(err)
                	}
                	h := exec.Command(os.Args[0], "holder", "TOKEN")
                	h.Stdout = os.Stdout
                	if err := h.Start(); err != nil {
                		panic(err)
                	}
                	fmt.Println("M1GO_OK")
                }
                """.replace("TOKEN", token);
    }

    /** A program that starts a child carrying {@code token}, then hangs until it is stopped. */
    static String hangsWithAChild(String token) {
        return """
                package main

                import (
                	"os"
                	"os/exec"
                	"time"
                )

                func main() {
                	if len(os.Args) > 1 {
                		time.Sleep(time.Hour)
                		return
                	}
                	if err := exec.Command(os.Args[0], "child", "TOKEN").Start(); err != nil {
                		panic(err)
                	}
                	time.Sleep(time.Hour)
                }
                """.replace("TOKEN", token);
    }

    /** The live (not zombie) processes whose command line holds {@code token}. */
    static List<String> processesWith(String token) throws IOException {
        List<String> found = new ArrayList<>();
        byte[] needle = token.getBytes(StandardCharsets.UTF_8);
        try (DirectoryStream<Path> all = Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
            for (Path p : all) {
                try {
                    byte[] cmd = Files.readAllBytes(p.resolve("cmdline"));
                    if (indexOf(cmd, needle) >= 0 && !zombie(p)) {
                        found.add(p.getFileName() + " " + new String(cmd, StandardCharsets.UTF_8).replace('\0', ' '));
                    }
                } catch (IOException e) {
                    // gone meanwhile
                }
            }
        }
        return found;
    }

    /** The processes with {@code token} once they had up to {@code millis} to die (an orphan's reaping is async). */
    static List<String> survivorsWith(String token, long millis) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        List<String> left = processesWith(token);
        while (!left.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(100);
            left = processesWith(token);
        }
        return left;
    }

    static void killAll(String token) throws IOException {
        for (String p : processesWith(token)) {
            ProcessHandle.of(Long.parseLong(p.substring(0, p.indexOf(' ')))).ifPresent(ProcessHandle::destroyForcibly);
        }
    }

    private static boolean zombie(Path proc) throws IOException {
        String stat = Files.readString(proc.resolve("stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /** Runs the docker CLI and returns its standard output (empty when it failed). */
    static String docker(String... args) throws IOException, InterruptedException {
        List<String> argv = new ArrayList<>(List.of("docker"));
        argv.addAll(List.of(args));
        Process p = new ProcessBuilder(argv)
                .redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        p.getOutputStream().close();
        byte[] out = p.getInputStream().readAllBytes();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            return "";
        }
        return new String(out, StandardCharsets.UTF_8).strip();
    }

    static boolean dockerAnswers() throws IOException, InterruptedException {
        return Components.onPath("docker")
                && !docker("version", "--format", "{{.Server.Version}}").isEmpty();
    }

    /** Containers and images labelled as m1go's by the run of Maven process {@code mavenPid}. */
    static List<String> dockerObjectsOf(long mavenPid) throws IOException, InterruptedException {
        List<String> found = new ArrayList<>();
        String filter = "label=dev.m1go.runner";
        String containers = docker("ps", "-a", "--filter", filter, "--format", "{{.ID}} {{.Label \"dev.m1go.run\"}}");
        String images = docker("images", "--filter", filter, "--format", "{{.ID}} {{.Repository}}:{{.Tag}}");
        for (String line : containers.lines().toList()) {
            if (line.contains(" " + mavenPid + "-")) {
                found.add("container " + line);
            }
        }
        for (String line : images.lines().toList()) {
            String id = line.split(" ")[0];
            String run = docker("image", "inspect", "--format", "{{index .Config.Labels \"dev.m1go.run\"}}", id);
            if (run.startsWith(mavenPid + "-")) {
                found.add("image " + line);
            }
        }
        return found;
    }
}
