package fr.rep.caseengine.app.personaldata;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.Authentication;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * Administrators rotate the wrapping keys at once, e.g. right after an erasure that must be final before the
 * scheduled rotation; administrators and auditors list the rotations.
 */
@RestController
@RequestMapping("/api/personal-data/key-rotations")
class KeyRotationController {

    private final PersonalDataKeyRotation rotation;
    private final JdbcTemplate jdbc;

    KeyRotationController(PersonalDataKeyRotation rotation, JdbcTemplate jdbc) {
        this.rotation = rotation;
        this.jdbc = jdbc;
    }

    @PostMapping
    PersonalDataKeyRotation.Rotation rotate(Authentication caller) {
        try {
            return rotation.rotate(caller.getName());
        } catch (PersonalDataKeyRotation.AlreadyRotating running) {
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, running.getMessage());
            problem.setType(URI.create("urn:rep:problem:key-rotation-running"));
            problem.setProperty("rule", "one-key-rotation-at-a-time");
            throw new ErrorResponseException(HttpStatus.CONFLICT, problem, running);
        }
    }

    @GetMapping
    Map<String, List<Map<String, Object>>> rotations() {
        return Map.of("rotations", jdbc.queryForList("""
                SELECT rotation_id AS "rotationId", trigger, started_at AS "startedAt", finished_at AS "finishedAt",
                    new_key_id AS "newKeyId", deleted_key_ids::text AS "deletedKeyIds",
                    keys_rewrapped AS "keysRewrapped", erasures_covered AS "erasuresCovered"
                FROM personal_data_key_rotation ORDER BY started_at DESC LIMIT 100"""));
    }
}
