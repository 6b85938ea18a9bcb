package org.opackiosk.core.config;

/**
 * What the kiosk accepts while the circulation server is unreachable.
 *
 * @param holdsPerCard  hold requests one card may queue in one offline period
 * @param holdsPerKiosk hold requests the kiosk queues in all before it refuses more
 */
public record OfflineSettings(int holdsPerCard, int holdsPerKiosk) {

    public static final OfflineSettings DEFAULTS = new OfflineSettings(3, 200);

    public OfflineSettings {
        if (holdsPerCard < 0 || holdsPerKiosk < holdsPerCard) {
            throw new IllegalArgumentException("0 <= holdsPerCard <= holdsPerKiosk");
        }
    }
}
