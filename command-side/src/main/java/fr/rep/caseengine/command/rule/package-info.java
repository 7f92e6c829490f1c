/**
 * A rule of the domain as a named thing, with its stable code and its words, for every aggregate alike: a refused
 * command throws {@link fr.rep.caseengine.command.rule.RuleViolation} naming its rule, and the API answers it with one
 * kind of problem.
 */
package fr.rep.caseengine.command.rule;
