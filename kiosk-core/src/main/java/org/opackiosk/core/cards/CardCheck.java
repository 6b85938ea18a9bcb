package org.opackiosk.core.cards;

import java.util.Objects;

/** What a {@link CardProfile} says of a text: a card number of this library, or why it is not one. */
public sealed interface CardCheck permits CardCheck.Accepted, CardCheck.Rejected {

    record Accepted(CardNumber number) implements CardCheck {
        public Accepted {
            Objects.requireNonNull(number, "number");
        }
    }

    /** Not one of this library's card numbers; never carries the text itself (it may be a card number). */
    record Rejected(Reason reason) implements CardCheck {
        public Rejected {
            Objects.requireNonNull(reason, "reason");
        }
    }

    enum Reason {
        EMPTY,
        /** A character the profile does not allow (e.g. a letter in a digits-only number). */
        CHARACTERS,
        LENGTH,
        PREFIX,
        CHECK_DIGIT
    }
}
