package org.opackiosk.demo.http;

import java.util.List;

/**
 * Ends a request early with a prepared answer (a refusal, a validation failure). Handlers throw it
 * where checking and returning would bury the normal path; {@link ApiHandler} writes the response.
 * It is an expected outcome: never logged as an error.
 */
public final class ApiProblem extends RuntimeException {

    private final transient Response response;

    public ApiProblem(Response response) {
        super(null, null, false, false);
        this.response = response;
    }

    public Response response() {
        return response;
    }

    public static ApiProblem error(int status, String error, String errorCode) {
        return new ApiProblem(Response.error(status, error, errorCode));
    }

    public static ApiProblem notFound() {
        return error(404, "Object not found", "not_found");
    }

    public static ApiProblem invalidQuery(String detail) {
        return error(400, "Invalid query: " + detail, "invalid_query");
    }

    /** One OpenAPI-style validation error, e.g. {@code ("Expected integer - got string.", "/_page")}. */
    public static ApiProblem validation(String message, String path) {
        return new ApiProblem(Response.validation(400, List.of(new Response.ValidationError(message, path))));
    }

    public static ApiProblem validation(List<Response.ValidationError> errors) {
        return new ApiProblem(Response.validation(400, errors));
    }
}
