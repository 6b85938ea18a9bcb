package org.opackiosk.app.holds;

/**
 * Starts placing a hold on a record (予約する) from any screen — a record's page, a search result:
 * logs the patron in first when nobody is, then comes back to the hold. UI thread only; never blocks.
 */
@FunctionalInterface
public interface HoldStarter {

    void startHold(String recordId, String title);
}
