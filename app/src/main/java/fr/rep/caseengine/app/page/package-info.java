/**
 * The browser application's frame: French locale, the layout's navigation, the static assets and the French error
 * pages; the pages themselves live beside the API they mirror.
 */
package fr.rep.caseengine.app.page;
