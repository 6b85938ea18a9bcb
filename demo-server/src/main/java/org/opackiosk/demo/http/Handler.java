package org.opackiosk.demo.http;

/** Answers one request. May throw {@link ApiProblem} for an expected refusal; anything else is a 500. */
@FunctionalInterface
public interface Handler {
    Response handle(Request request);
}
