package org.opackiosk.provisioning.doctor;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The machine as the doctor sees it: a file-system root ({@code /}, or a folder that looks like a
 * Pi's in tests) and a way to run commands. Accounts are read from the root's {@code /etc/passwd}
 * and {@code /etc/group}, and files are compared by numeric id, so a test needs no root and no chown.
 */
public record SystemView(Path root, CommandRunner commands) {

    public static SystemView real() {
        return new SystemView(Path.of("/"), CommandRunner.processes(java.time.Duration.ofSeconds(10)));
    }

    /** An absolute path of the machine, under the root. */
    public Path path(String absolute) {
        return root.resolve(absolute.startsWith("/") ? absolute.substring(1) : absolute);
    }

    /** A path from the configuration: absolute ones are moved under the root. */
    public Path path(Path p) {
        return p.isAbsolute() && !p.startsWith(root) ? path(p.toString()) : p;
    }

    /** A user of /etc/passwd. */
    public record Account(String name, int uid, int gid) {
    }

    /** A group of /etc/group with its listed members. */
    public record Group(String name, int gid, Set<String> members) {
    }

    public Optional<Account> user(String name) throws IOException {
        for (String[] f : table("/etc/passwd")) {
            if (f.length >= 4 && f[0].equals(name)) {
                return Optional.of(new Account(f[0], Integer.parseInt(f[2]), Integer.parseInt(f[3])));
            }
        }
        return Optional.empty();
    }

    public List<Group> groups() throws IOException {
        List<Group> groups = new ArrayList<>();
        for (String[] f : table("/etc/group")) {
            if (f.length >= 3) {
                Set<String> members = new TreeSet<>();
                if (f.length >= 4 && !f[3].isBlank()) {
                    members.addAll(List.of(f[3].split(",")));
                }
                groups.add(new Group(f[0], Integer.parseInt(f[2]), members));
            }
        }
        return groups;
    }

    public Optional<Group> group(String name) throws IOException {
        return groups().stream().filter(g -> g.name().equals(name)).findFirst();
    }

    /** The gids a user has: its primary group and every group that lists it. */
    public Set<Integer> gidsOf(Account user) throws IOException {
        Set<Integer> gids = new TreeSet<>();
        gids.add(user.gid());
        groups().stream().filter(g -> g.members().contains(user.name())).forEach(g -> gids.add(g.gid()));
        return gids;
    }

    /** Owner uid, group gid and permission bits (e.g. 0640) of a file, following links. */
    public record Ownership(int uid, int gid, int mode) {
        public String modeText() {
            return String.format("%04o", mode);
        }
    }

    public Optional<Ownership> ownership(Path file) throws IOException {
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        return Optional.of(new Ownership((Integer) Files.getAttribute(file, "unix:uid"), (Integer) Files.getAttribute(file, "unix:gid"),
                ((Integer) Files.getAttribute(file, "unix:mode")) & 07777));
    }

    private List<String[]> table(String file) throws IOException {
        Path p = path(file);
        if (!Files.isReadable(p)) {
            return List.of();
        }
        return Files.readAllLines(p, StandardCharsets.UTF_8).stream()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(":", -1))
                .toList();
    }
}
