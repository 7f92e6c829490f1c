/**
 * Prison-wide suspensions of visits as the managers read them: each suspension, its lifting, and the scheduled
 * visits it cancelled on the cases within the reader's scope.
 */
package fr.rep.caseengine.query.prisonsuspension;
