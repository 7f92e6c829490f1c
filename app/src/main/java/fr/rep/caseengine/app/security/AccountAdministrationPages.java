package fr.rep.caseengine.app.security;

import fr.rep.caseengine.events.familycase.Team;
import fr.rep.caseengine.events.staff.Caller;
import fr.rep.caseengine.events.staff.Role;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Administrators' account pages: the list, creation, roles and team, disabling and a forced password change. A new
 * or reset account's one-time password is never shown here: the page names who will issue it
 * ({@link OneTimePasswordIssuers}). Each form goes through the same methods as {@code /api/accounts} (same rules, same
 * log lines), its input checked against the same constraints; what they refuse is said in French beside the field.
 */
@Controller
class AccountAdministrationPages {

    private static final String LIST = "admin/accounts";
    private static final String ACCOUNT = "admin/account";

    private final AccountController api;
    private final RoleChangeController roleChanges;
    private final AccountStore accounts;
    private final Validator validator;

    AccountAdministrationPages(
            AccountController api, RoleChangeController roleChanges, AccountStore accounts, Validator validator) {
        this.api = api;
        this.roleChanges = roleChanges;
        this.accounts = accounts;
        this.validator = validator;
    }

    @GetMapping("/administration/comptes")
    String list(Model model) {
        return listPage(model, Map.of(), Map.of());
    }

    @PostMapping("/administration/comptes")
    String create(
            @RequestParam(defaultValue = "") String username,
            @RequestParam(defaultValue = "") String displayName,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false) Team team,
            Caller caller,
            Model model,
            HttpServletResponse response) {
        AccountController.NewAccount body =
                new AccountController.NewAccount(username.strip(), displayName.strip(), roleSet(roles), team);
        Map<String, String> errors = errors(validator.validate(body));
        if (errors.isEmpty()) {
            ResponseEntity<Object> answer = api.create(body, caller);
            if (answer.getBody() instanceof AccountController.CreatedAccount created) {
                model.addAttribute("issuers", issuerNames(created.oneTimePasswordIssuers()));
                model.addAttribute("created", true);
                return accountPage(created.account().username(), model, Map.of());
            }
            errors.putAll(refusal(answer, "username"));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("username", username);
        typed.put("displayName", displayName);
        typed.put("roles", roles == null ? List.of() : roles);
        typed.put("team", team);
        return listPage(model, errors, typed);
    }

    @GetMapping("/administration/comptes/{username}")
    String account(@PathVariable String username, Model model) {
        return accountPage(username, model, Map.of());
    }

    @PostMapping("/administration/comptes/{username}/roles")
    String roles(
            @PathVariable String username,
            @RequestParam(required = false) List<Role> roles,
            @RequestParam(required = false) Team team,
            Caller caller,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        RoleChangeController.RoleChange body = new RoleChangeController.RoleChange(roleSet(roles), team);
        Map<String, String> errors = errors(validator.validate(body));
        if (errors.isEmpty()) {
            // The API's role change itself: separation of duties and the account trail included.
            ResponseEntity<Object> answer = roleChanges.request(username, body, caller);
            if (answer.getStatusCode().is2xxSuccessful()) {
                // 202: the change waits for a second administrator (separation of duties).
                redirect.addFlashAttribute("done", answer.getStatusCode().value() == 202 ? "roles-pending" : "roles");
                return "redirect:/administration/comptes/" + username;
            }
            errors.putAll(refusal(answer, "roles"));
        }
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return accountPage(username, model, errors);
    }

    @PostMapping("/administration/comptes/{username}/mot-de-passe")
    String forcePasswordChange(@PathVariable String username, Caller caller, Model model) {
        ResponseEntity<Object> answer = api.forcePasswordChange(username, caller);
        if (!(answer.getBody() instanceof AccountController.PasswordReset reset)) {
            throw new ResponseStatusException(answer.getStatusCode());
        }
        model.addAttribute("issuers", issuerNames(reset.oneTimePasswordIssuers()));
        return accountPage(username, model, Map.of());
    }

    @PostMapping("/administration/comptes/{username}/desactivation")
    String disable(@PathVariable String username, Caller caller, RedirectAttributes redirect) {
        ResponseEntity<Object> answer = api.disable(username, caller);
        if (!answer.getStatusCode().is2xxSuccessful()) {
            throw new ResponseStatusException(answer.getStatusCode());
        }
        redirect.addFlashAttribute("done", "disabled");
        return "redirect:/administration/comptes/" + username;
    }

    private String listPage(Model model, Map<String, String> errors, Map<String, Object> typed) {
        model.addAttribute("accounts", api.all());
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("teams", Team.values());
        model.addAttribute("errors", errors);
        model.addAttribute("typed", typed);
        return LIST;
    }

    private String accountPage(String username, Model model, Map<String, String> errors) {
        Account account = accounts.find(username).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("account", AccountController.AccountView.of(account));
        model.addAttribute("allRoles", Role.values());
        model.addAttribute("teams", Team.values());
        model.addAttribute("errors", errors);
        return ACCOUNT;
    }

    /** Each issuer as people know them: display name, then account name. */
    private List<String> issuerNames(List<String> usernames) {
        return usernames.stream()
                .map(name -> accounts.find(name)
                        .map(found -> found.displayName() + " (" + found.username() + ")")
                        .orElse(name))
                .toList();
    }

    private static Set<Role> roleSet(List<Role> roles) {
        return roles == null || roles.isEmpty() ? Set.of() : EnumSet.copyOf(roles);
    }

    /** The first broken constraint of each field, as the key of its French words. */
    private static Map<String, String> errors(Set<? extends ConstraintViolation<?>> violations) {
        Map<String, String> errors = new LinkedHashMap<>();
        violations.stream()
                .sorted(java.util.Comparator.comparing(
                        violation -> violation.getPropertyPath().toString()))
                .forEach(violation -> errors.putIfAbsent(
                        violation.getPropertyPath().toString(), "accounts.error." + violation.getPropertyPath()));
        return errors;
    }

    /** What the API refused, as the field and the key of its French words. */
    private static Map<String, String> refusal(ResponseEntity<Object> answer, String otherwise) {
        if (answer.getStatusCode().value() == HttpStatus.CONFLICT.value()) {
            return Map.of("username", "accounts.error.exists");
        }
        if (answer.getBody() instanceof ProblemDetail problem
                && problem.getProperties() != null
                && problem.getProperties().get("errors") instanceof List<?> fields
                && !fields.isEmpty()
                && fields.get(0) instanceof Map<?, ?> field
                && "team".equals(field.get("field"))) {
            return Map.of("team", "accounts.error.team");
        }
        return Map.of(otherwise, "accounts.error." + otherwise);
    }
}
