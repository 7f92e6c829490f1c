package fr.rep.caseengine.app.hashchain;

import fr.rep.caseengine.events.problem.ProblemType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Auditors verify the event store's hash chains; the answer is 200 whether the store is intact or not. */
@RestController
@Tag(name = "Audit")
class StoreVerificationController {

    private final StoreVerification verification;
    private final StoreChainSealer sealer;

    StoreVerificationController(StoreVerification verification, StoreChainSealer sealer) {
        this.verification = verification;
        this.sealer = sealer;
    }

    @GetMapping("/api/event-store/verification")
    @Operation(
            summary = "Walk the event store, recompute its hash chains and name the first broken link",
            description = "Events committed before the call are sealed into the store chain first; events committed "
                    + "during the walk are counted as awaiting their store seal. With atPosition and storeLink (a head "
                    + "noted from an earlier report), also checks that the chain was not recomputed since.")
    ResponseEntity<Object> verify(
            @RequestParam(required = false) @Positive Long atPosition,
            @RequestParam(required = false)
                    @Pattern(regexp = "[0-9a-fA-F]{64}", message = "must be 64 hexadecimal digits")
                    String storeLink) {
        if ((atPosition == null) != (storeLink == null)) {
            String field = atPosition == null ? "atPosition" : "storeLink";
            ProblemDetail problem = ProblemDetail.forStatusAndDetail(
                    HttpStatus.BAD_REQUEST,
                    field + ": is required with " + (atPosition == null ? "storeLink" : "atPosition"));
            problem.setType(ProblemType.INVALID_INPUT);
            problem.setTitle("Invalid input");
            problem.setProperty(
                    "errors",
                    List.of(Map.of(
                            "field",
                            field,
                            "message",
                            "is required with " + (atPosition == null ? "storeLink" : "atPosition"))));
            return ResponseEntity.badRequest().body(problem);
        }
        Optional<StoreVerification.NotedHead> noted = atPosition == null
                ? Optional.empty()
                : Optional.of(new StoreVerification.NotedHead(
                        atPosition, HexFormat.of().parseHex(storeLink)));
        return ResponseEntity.ok(run(noted, StoreVerification.Progress.NONE));
    }

    /** Seals what was committed before, then walks the store: the API's answer and the page's run. */
    VerificationReport run(Optional<StoreVerification.NotedHead> noted, StoreVerification.Progress progress) {
        sealer.sealPendingBeforeVerifying();
        return verification.verify(noted, progress);
    }
}
