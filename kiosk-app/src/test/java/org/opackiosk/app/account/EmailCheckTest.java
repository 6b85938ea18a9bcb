package org.opackiosk.app.account;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opackiosk.app.account.EmailCheck.Problem;

class EmailCheckTest {

    @Test
    void fullWidthCharactersAreNormalised() {
        EmailCheck.Result r = EmailCheck.check("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｊｐ");
        assertThat(r.accepted()).isTrue();
        assertThat(r.address()).isEqualTo("taro@example.jp");
    }

    @Test
    void eachMistakeHasItsOwnReason() {
        assertThat(EmailCheck.check("taro.example.jp").problem()).hasValue(Problem.NO_AT);
        assertThat(EmailCheck.check("taro@@example.jp").problem()).hasValue(Problem.TWO_ATS);
        assertThat(EmailCheck.check("ta ro@example.jp").problem()).hasValue(Problem.SPACE);
        assertThat(EmailCheck.check("taro@example,jp").problem()).hasValue(Problem.COMMA);
        assertThat(EmailCheck.check(".taro@example.jp").problem()).hasValue(Problem.EDGE_DOT);
        assertThat(EmailCheck.check("taro@example.jp.").problem()).hasValue(Problem.EDGE_DOT);
    }

    @Test
    void commonDomainTyposGetASuggestion() {
        assertThat(EmailCheck.check("taro@dokomo.ne.jp").suggestion()).hasValue("taro@docomo.ne.jp");
        assertThat(EmailCheck.check("taro@gmial.com").suggestion()).hasValue("taro@gmail.com");
        assertThat(EmailCheck.check("taro@gmail.com").suggestion()).isEmpty();
    }

    @Test
    void oldCarrierFormsAreAcceptedWithANote() {
        EmailCheck.Result dots = EmailCheck.check("taro..midori@docomo.ne.jp");
        EmailCheck.Result dotBeforeAt = EmailCheck.check("taro.@ezweb.ne.jp");
        assertThat(dots.accepted()).isTrue();
        assertThat(dots.oldCarrierForm()).isTrue();
        assertThat(dotBeforeAt.accepted()).isTrue();
        assertThat(dotBeforeAt.oldCarrierForm()).isTrue();
    }
}
