package fr.rep.caseengine.app.security;

import fr.rep.caseengine.events.staff.Caller;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * « Mots de passe provisoires »: the accounts whose one-time password the signed-in person may hand over, and the
 * handing over, through the same methods as {@code /api/one-time-passwords} (same rule, same trail and log line).
 */
@Controller
class OneTimePasswordPages {

    private final OneTimePasswordController api;

    OneTimePasswordPages(OneTimePasswordController api) {
        this.api = api;
    }

    @GetMapping("/mots-de-passe-provisoires")
    String awaiting(Caller caller, Model model) {
        model.addAttribute("awaiting", api.awaiting(caller));
        return "account/handover";
    }

    @PostMapping("/mots-de-passe-provisoires/{username}")
    String issue(@PathVariable String username, Caller caller, Model model, RedirectAttributes redirect) {
        ResponseEntity<Object> answer = api.issue(username, caller);
        if (answer.getBody() instanceof OneTimePasswordController.IssuedPassword issued) {
            model.addAttribute("issued", issued);
            return "account/handover-issued";
        }
        if (answer.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
            redirect.addFlashAttribute("alreadyIssued", true);
            return "redirect:/mots-de-passe-provisoires";
        }
        throw new ResponseStatusException(answer.getStatusCode());
    }
}
