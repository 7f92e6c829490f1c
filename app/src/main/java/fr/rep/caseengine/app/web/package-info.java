/**
 * HTTP errors as problem details (RFC 9457): bad input answers 400 with each field and its rule, never a 500.
 */
package fr.rep.caseengine.app.web;
