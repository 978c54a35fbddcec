package dev.paydesk.quality;

import org.springframework.test.web.servlet.MockMvc;

/** {@link QualityFixtures} for tests in quality's sub-packages. */
public final class QualityFixturesAccess {

    private QualityFixturesAccess() {
    }

    public static String resolvedCase(MockMvc mvc, String agentToken, String agent) throws Exception {
        return QualityFixtures.resolvedCase(mvc, agentToken, agent);
    }
}
