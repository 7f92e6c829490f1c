/**
 * The benchmark of issue #7: a seeded generator of realistic family cases, and one run that measures PostgreSQL's own
 * ceiling, command throughput, replay rate, query latency, projection lag and start-up time side by side.
 */
package fr.rep.caseengine.benchmark;
