package dev.zerobus.console.workspace;

import static org.assertj.core.api.Assertions.assertThat;

import dev.zerobus.console.workspace.ErrorExplainer.Category;
import java.net.ConnectException;
import org.junit.jupiter.api.Test;

/** The one user-facing error type: the text is message(), the exception is error(), and the two never swap. */
class ProblemTest {
    @Test
    void anExplainedExceptionKeepsItsWordsAndTheExceptionApart() {
        var refused = new ConnectException("Connection refused");
        Problem p = ErrorExplainer.explain(refused);
        assertThat(p.message()).isEqualTo("Nothing accepted the connection.");
        assertThat(p.error()).isSameAs(refused);
        assertThat(p.detail()).isEqualTo("Connection refused");
        assertThat(p.category()).isEqualTo(Category.CONNECTION_REFUSED);
        assertThat(p.retryable()).isTrue();
        assertThat(ErrorExplainer.explain("Connection refused").error()).isNull();
    }

    @Test
    void aProblemTheCodeStatesIsUnknownAndNotRetryable() {
        var cause = new IllegalStateException("boom");
        Problem p = new Problem("The file is empty.", "Pick another file.", null, cause);
        assertThat(p.category()).isEqualTo(Category.UNKNOWN);
        assertThat(p.retryable()).isFalse();
        assertThat(p.detail()).isEqualTo("The file is empty.");
        assertThat(p.error()).isSameAs(cause);
        assertThat(p.withCopyableFix("x = 1").copyableFix()).isEqualTo("x = 1");
    }

    @Test
    void newWordsKeepTheVerdictTheDetailAndTheException() {
        Problem p = ErrorExplainer.explain(new ConnectException("Connection refused"));
        Problem q = p.withText("As you: " + p.message(), p.fix(), "run this");
        assertThat(q.message()).isEqualTo("As you: Nothing accepted the connection.");
        assertThat(q.copyableFix()).isEqualTo("run this");
        assertThat(q.category()).isEqualTo(p.category());
        assertThat(q.retryable()).isEqualTo(p.retryable());
        assertThat(q.detail()).isEqualTo(p.detail());
        assertThat(q.error()).isSameAs(p.error());
    }
}
