/**
 * Sign-in and accounts: local accounts with hashed passwords, optional OpenID Connect, the first administrator,
 * throttled failures, and the caller of every request.
 */
package fr.rep.caseengine.app.security;
