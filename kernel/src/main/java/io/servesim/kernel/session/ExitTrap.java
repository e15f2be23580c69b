package io.servesim.kernel.session;

import java.security.Permission;

/**
 * Keeps {@code System.exit} in a cell from ending the kernel (and every variable of the notebook): while a cell runs,
 * an exit attempt throws {@link ExitAttempt}, which the cell reports as a {@code SystemExit} error. Uses Java 17's
 * security manager hook for exits only; every other permission is granted.
 */
public final class ExitTrap extends SecurityManager {
    private static volatile boolean armed;

    private ExitTrap() {
    }

    /** Installs the trap for this JVM; returns false where the JVM forbids it (it then stays unarmed). */
    @SuppressWarnings("removal")
    public static boolean install() {
        try {
            if (!(System.getSecurityManager() instanceof ExitTrap)) {
                System.setSecurityManager(new ExitTrap());
            }
            return true;
        } catch (UnsupportedOperationException | SecurityException e) {
            return false;
        }
    }

    /** Arms (while a cell runs) or disarms the trap. */
    public static void armed(boolean on) {
        armed = on;
    }

    @Override
    public void checkExit(int status) {
        if (armed) {
            throw new ExitAttempt(status);
        }
    }

    @Override
    public void checkPermission(Permission perm) {
        // everything but exit is allowed
    }

    @Override
    public void checkPermission(Permission perm, Object context) {
        // everything but exit is allowed
    }

    /** Thrown by {@code System.exit} inside a cell. */
    public static final class ExitAttempt extends SecurityException {
        private static final long serialVersionUID = 1L;

        ExitAttempt(int status) {
            super("System.exit(" + status + ") was called in a cell; the kernel keeps running and keeps your variables"
                    + " (to start afresh, use Kernel > Restart)");
        }
    }
}
