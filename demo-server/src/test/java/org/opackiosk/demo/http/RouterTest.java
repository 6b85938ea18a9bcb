package org.opackiosk.demo.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RouterTest {

    private static final Handler OK = request -> Response.empty(204);

    @Test
    void placeholdersCaptureTheirSegment() {
        // given
        Router router = new Router().get("/api/v1/biblios/{biblio_id}/items", Access.API_CLIENT, OK);

        // when
        Router.Resolution resolution = router.resolve("GET", "/api/v1/biblios/42/items");

        // then
        assertThat(resolution).isInstanceOfSatisfying(Router.Match.class,
                match -> assertThat(match.params()).containsEntry("biblio_id", "42"));
    }

    @Test
    void aLiteralSegmentWinsOverAPlaceholder() {
        // given
        Handler literal = request -> Response.empty(200);
        Router router = new Router()
                .get("/api/v1/patrons/{patron_id}", Access.API_CLIENT, OK)
                .get("/api/v1/patrons/me", Access.API_CLIENT, literal);

        // when
        Router.Resolution resolution = router.resolve("GET", "/api/v1/patrons/me");

        // then
        assertThat(resolution).isInstanceOfSatisfying(Router.Match.class,
                match -> assertThat(match.route().handler()).isSameAs(literal));
    }

    @Test
    void aKnownPathWithAnotherMethodIsWrongMethodWithTheAllowedOnes() {
        // given
        Router router = new Router()
                .get("/api/v1/holds/{hold_id}", Access.API_CLIENT, OK)
                .delete("/api/v1/holds/{hold_id}", Access.API_CLIENT, OK);

        // when
        Router.Resolution resolution = router.resolve("POST", "/api/v1/holds/3");

        // then
        assertThat(resolution).isInstanceOfSatisfying(Router.WrongMethod.class,
                wrong -> assertThat(wrong.allowed()).containsExactly("DELETE", "GET"));
    }

    @Test
    void anUnknownPathIsNoRoute() {
        // given
        Router router = new Router().get("/api/v1/biblios", Access.API_CLIENT, OK);

        // when / then
        assertThat(router.resolve("GET", "/api/v1/biblio")).isInstanceOf(Router.NoRoute.class);
        assertThat(router.resolve("GET", "/api/v1/biblios/1/x")).isInstanceOf(Router.NoRoute.class);
    }

    @Test
    void aTrailingSlashIsTheSamePath() {
        // given
        Router router = new Router().get("/api/v1/biblios", Access.API_CLIENT, OK);

        // when / then
        assertThat(router.resolve("GET", "/api/v1/biblios/")).isInstanceOf(Router.Match.class);
    }

    @Test
    void theSameRouteTwiceIsAProgrammingError() {
        // given
        Router router = new Router().get("/api/v1/biblios/{id}", Access.API_CLIENT, OK);

        // when / then
        assertThatThrownBy(() -> router.get("/api/v1/biblios/{other}", Access.API_CLIENT, OK))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
