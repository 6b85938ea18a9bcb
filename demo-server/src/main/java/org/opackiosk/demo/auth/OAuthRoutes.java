package org.opackiosk.demo.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opackiosk.demo.http.Access;
import org.opackiosk.demo.http.Request;
import org.opackiosk.demo.http.Response;
import org.opackiosk.demo.http.Router;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/v1/oauth/token}, the client-credentials grant, answering as Koha's
 * {@code Koha::REST::V1::OAuth::token} does: a missing form field is an OpenAPI validation error (400),
 * another grant type 400 {@code "Unimplemented grant type"}, an unknown client 403
 * {@code "unauthorized_client"}, a wrong secret 403 {@code "access_denied"}.
 */
public final class OAuthRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(OAuthRoutes.class);

    private final TokenService tokens;
    private final ClientAuthentication clients;

    public OAuthRoutes(TokenService tokens, ClientAuthentication clients) {
        this.tokens = tokens;
        this.clients = clients;
    }

    public void register(Router router) {
        router.post("/api/v1/oauth/token", Access.PUBLIC, this::token);
    }

    private Response token(Request request) {
        Map<String, String> form = request.form();
        List<Response.ValidationError> missing = new ArrayList<>();
        if (form.get("grant_type") == null) {
            missing.add(new Response.ValidationError("Missing property.", "/grant_type"));
        }
        if (!missing.isEmpty()) {
            return Response.validation(400, missing);
        }
        if (!form.get("grant_type").equals("client_credentials")) {
            return Response.error(400, "Unimplemented grant type", "unimplemented_grant_type");
        }
        String clientId = form.getOrDefault("client_id", "");
        String secret = form.getOrDefault("client_secret", "");
        if (clientId.isEmpty() || !clients.knows(clientId)) {
            LOG.info("Token refused: unknown API client");
            return Response.error(403, "unauthorized_client", "unauthorized_client");
        }
        if (!clients.verify(clientId, secret)) {
            LOG.info("Token refused: wrong secret for API client {}", clientId);
            return Response.error(403, "access_denied", "access_denied");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", tokens.issue(clientId));
        body.put("token_type", "Bearer");
        body.put("expires_in", tokens.lifetime().toSeconds());
        return Response.ok(body).withHeader("Cache-Control", "no-store");
    }
}
