package fr.rep.caseengine.app.personaldata;

import fr.rep.caseengine.events.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Administrators rotate the wrapping keys at once, e.g. right after an erasure that must be final before the
 * scheduled rotation; administrators and auditors list the last hundred rotations, newest first.
 */
@RestController
@RequestMapping("/api/personal-data/key-rotations")
@Tag(name = "Personal data")
class KeyRotationController {

    private final PersonalDataKeyRotation rotation;
    private final JdbcTemplate jdbc;

    KeyRotationController(PersonalDataKeyRotation rotation, JdbcTemplate jdbc) {
        this.rotation = rotation;
        this.jdbc = jdbc;
    }

    @PostMapping
    @Operation(summary = "Rotate the wrapping keys now: every person's key re-wrapped, the older keys destroyed")
    @ApiResponse(responseCode = "200", description = "The rotation, done")
    @ApiResponse(
            responseCode = "409",
            description = "A rotation is running already (rule one-key-rotation-at-a-time)",
            content =
                    @Content(
                            mediaType = "application/problem+json",
                            schema = @Schema(ref = "#/components/schemas/Problem")))
    PersonalDataKeyRotation.Rotation rotate(Authentication caller) {
        try {
            return rotation.rotate(caller.getName());
        } catch (PersonalDataKeyRotation.AlreadyRotating running) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, running.getMessage());
            problem.setType(ProblemType.of("key-rotation-running"));
            problem.setProperty("rule", "one-key-rotation-at-a-time");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, running);
        }
    }

    @GetMapping
    @Operation(summary = "The last hundred rotations of the wrapping keys, newest first")
    Map<String, List<PersonalDataKeyRotation.Rotation>> rotations() {
        return Map.of(
                "rotations",
                jdbc.query(
                        """
                SELECT rotation_id, trigger, started_at, finished_at, new_key_id, deleted_key_ids, keys_rewrapped,
                    erasures_covered
                FROM personal_data_key_rotation ORDER BY started_at DESC LIMIT 100""",
                        (row, number) -> new PersonalDataKeyRotation.Rotation(
                                row.getObject(1, UUID.class),
                                row.getString(2),
                                row.getTimestamp(3).toInstant(),
                                row.getTimestamp(4).toInstant(),
                                row.getLong(5),
                                List.of((Long[]) row.getArray(6).getArray()),
                                row.getInt(7),
                                row.getLong(8))));
    }
}
