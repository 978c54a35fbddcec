package dev.paydesk.cases.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.UUID;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import com.code_intelligence.jazzer.junit.FuzzTest;

import dev.paydesk.Fuzzing;
import dev.paydesk.cases.BulkChanges;
import dev.paydesk.cases.CaseAttachments;
import dev.paydesk.cases.CaseDesk;
import dev.paydesk.cases.CaseImport;
import dev.paydesk.cases.CaseLink;
import dev.paydesk.cases.CaseWorkbench;
import dev.paydesk.cases.MoneyActions;
import dev.paydesk.shared.InvalidInputException;
import dev.paydesk.shared.NotFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Request bodies of the case API, read by the application's JSON mapper (Spring Boot's Jackson
 * auto-configuration, as the application has it) and handed to the controller over stand-in
 * services: every body is refused as the API documents (a Jackson error or a missing body: 400 via
 * {@code ApiProblemAdvice}; {@link InvalidInputException}: 400; {@link NotFoundException}: 404) or
 * reaches the service, never failing with another exception (a 500).
 *
 * <p>Input: the first byte picks the endpoint, the rest is the body.
 */
class CasesApiJsonFuzzTests {

    private static final String KEY = "PD-100231";
    private static final JsonMapper MAPPER = applicationMapper();
    private static final CaseDesk DESK = mock(CaseDesk.class);
    private static final CasesApiController API;
    private static final CaseCommandsApiController COMMANDS = new CaseCommandsApiController(DESK);

    /** Thrown by the stand-in desk: the request passed every check of the web edge. */
    private static final class Reached extends RuntimeException {
        Reached() {
            super(null, null, false, false);
        }
    }

    /** A required body that is JSON {@code null}: Spring MVC answers 400 before the controller. */
    private static final class MissingBody extends RuntimeException {
        MissingBody() {
            super(null, null, false, false);
        }
    }

    static {
        when(DESK.resolve(anyString())).thenReturn(Optional.of(UUID.fromString("00000000-0000-0000-0000-000000100231")));
        when(DESK.open(any())).thenThrow(new Reached());
        API = new CasesApiController(DESK, mock(MoneyActions.class), mock(BulkChanges.class), mock(CaseImport.class),
                mock(CaseWorkbench.class), mock(CaseAttachments.class), mock(dev.paydesk.cases.FindingCaseIntake.class));
    }

    @FuzzTest(maxDuration = Fuzzing.PER_TARGET, maxExecutions = Fuzzing.MAX_EXECUTIONS)
    void refusesAsDocumentedOrReachesTheService(byte[] input) {
        if (input.length == 0) {
            return;
        }
        String body = new String(input, 1, input.length - 1, StandardCharsets.UTF_8);
        try {
            switch ((input[0] & 0xff) % 12) {
                case 0 -> API.open(read(body, CasesApiController.CaseRequest.class), KEY);
                case 1 -> API.bulkPreview(read(body, CasesApiController.BulkRequest.class));
                case 2 -> COMMANDS.reply(KEY, read(body, CaseCommandsApiController.ReplyRequest.class), null);
                case 3 -> COMMANDS.message(KEY, read(body, CaseCommandsApiController.MessageRequest.class));
                case 4 -> COMMANDS.status(KEY, read(body, CaseCommandsApiController.StatusRequest.class), null);
                case 5 -> COMMANDS.assign(KEY, read(body, CaseCommandsApiController.AssignmentRequest.class), null);
                case 6 -> COMMANDS.tags(KEY, read(body, CaseCommandsApiController.TagsRequest.class), null);
                case 7 -> COMMANDS.link(KEY, read(body, CaseCommandsApiController.LinkRequest.class), null);
                case 8 -> COMMANDS.escalate(KEY, read(body, CaseCommandsApiController.EscalationRequest.class), null);
                case 9 -> COMMANDS.parent(KEY, read(body, CaseCommandsApiController.ParentRequest.class), null);
                case 10 -> API.requestMoney(KEY, read(body, CasesApiController.MoneyRequest.class));
                default -> API.reject(UUID.randomUUID(), read(body, CasesApiController.DecisionRequest.class));
            }
        } catch (JacksonException | MissingBody | InvalidInputException | NotFoundException | Reached expected) {
            assertThat(expected).isNotNull();
        }
    }

    private static <T> T read(String body, Class<T> type) {
        T value = MAPPER.readValue(body, type);
        if (value == null) {
            throw new MissingBody();
        }
        return value;
    }

    private static JsonMapper applicationMapper() {
        JsonMapper[] mapper = new JsonMapper[1];
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(JacksonAutoConfiguration.class))
                .run(context -> mapper[0] = context.getBean(JsonMapper.class));
        return mapper[0];
    }
}
