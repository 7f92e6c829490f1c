/**
 * The API's description as clients read it ({@code /v3/api-docs}): who may call, every answer an operation can give,
 * the problems' shape and rule codes. See docs/api.md.
 */
package fr.rep.caseengine.app.api;
