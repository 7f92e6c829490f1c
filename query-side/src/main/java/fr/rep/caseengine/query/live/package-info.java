/**
 * Live views: projections signal what they changed through PostgreSQL notifications, delivered on commit to every
 * node, which pushes them as server-sent events to the callers who may see the change, with how far behind the event
 * store each projection is.
 */
package fr.rep.caseengine.query.live;
