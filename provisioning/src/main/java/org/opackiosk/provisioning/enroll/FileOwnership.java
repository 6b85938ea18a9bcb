package org.opackiosk.provisioning.enroll;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.UserPrincipal;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.nio.file.attribute.UserPrincipalNotFoundException;

import com.sun.security.auth.module.UnixSystem;

/**
 * Gives a file its owner and group. Only root can, so a command run by a technician without sudo
 * (and every test) uses {@link #unchanged()}: the files keep the caller as owner, and the modes still
 * keep everybody else out.
 */
public interface FileOwnership {

    /** @throws IOException when the user or group does not exist or the change is refused */
    void apply(Path file, String user, String group) throws IOException;

    /** Whether files really get the owner asked for (so messages can say so). */
    boolean changesOwners();

    /** {@link #posix()} when running as root, else {@link #unchanged()}. */
    static FileOwnership forCurrentUser() {
        return new UnixSystem().getUid() == 0 ? posix() : unchanged();
    }

    /** chown/chgrp through the file system. */
    static FileOwnership posix() {
        return new FileOwnership() {
            @Override
            public void apply(Path file, String user, String group) throws IOException {
                UserPrincipalLookupService lookup = FileSystems.getDefault().getUserPrincipalLookupService();
                PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
                try {
                    UserPrincipal owner = lookup.lookupPrincipalByName(user);
                    GroupPrincipal grp = lookup.lookupPrincipalByGroupName(group);
                    view.setOwner(owner);
                    view.setGroup(grp);
                } catch (UserPrincipalNotFoundException e) {
                    throw new IOException("there is no user or group \"" + e.getName() + "\" on this machine"
                            + " (the opac-kiosk package creates them; install it first)", e);
                }
            }

            @Override
            public boolean changesOwners() {
                return true;
            }
        };
    }

    /** Leaves owners as they are. */
    static FileOwnership unchanged() {
        return new FileOwnership() {
            @Override
            public void apply(Path file, String user, String group) {
            }

            @Override
            public boolean changesOwners() {
                return false;
            }
        };
    }
}
