package org.opackiosk.demo.db;

import java.sql.SQLException;

/** An unexpected database failure: a bug or a broken data directory, answered with 500. */
public final class DataAccessException extends RuntimeException {
    public DataAccessException(SQLException cause) {
        super(cause.getMessage(), cause);
    }
}
