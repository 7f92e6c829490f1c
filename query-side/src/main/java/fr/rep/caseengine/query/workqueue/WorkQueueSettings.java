package fr.rep.caseengine.query.workqueue;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param recentlyAssigned how long a case stays in its caseworker's "recently assigned" section */
@ConfigurationProperties("rep.work-queue")
record WorkQueueSettings(@DefaultValue("P14D") Duration recentlyAssigned) {}
