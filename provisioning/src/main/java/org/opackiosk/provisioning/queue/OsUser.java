package org.opackiosk.provisioning.queue;

/** Who runs kioskctl, as the log and the queue keep it: the OS user, and the person behind sudo. */
final class OsUser {

    private OsUser() {
    }

    /** {@code root (sudo by hanako)}, or just the user name. */
    static String describe() {
        return describe(System.getProperty("user.name", "?"), System.getenv("SUDO_USER"));
    }

    static String describe(String user, String sudoUser) {
        return sudoUser == null || sudoUser.isBlank() || sudoUser.equals(user) ? user : user + " (sudo by " + sudoUser + ")";
    }
}
