package org.opackiosk.core.outbox;

/** The outbox contract in memory. */
class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected Outbox open() {
        return new InMemoryOutbox(clock);
    }
}
