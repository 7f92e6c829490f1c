package fr.rep.caseengine.app.personaldata;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param masterKeyFile    the Tink keyset of wrapping keys that wrap every person's key; created on first start when
 *                         absent. Never inside the database's data directory (the app refuses to start): a copy or
 *                         backup of the database without it reveals no personal data. Shared by every node.
 * @param rotationSchedule when the wrapping keys rotate if an erasure was recorded since the last rotation
 *                         (db-scheduler's notation); after it, the erased people's keys left in copies of the
 *                         database can no longer be unwrapped
 */
@ConfigurationProperties("rep.personal-data")
record PersonalDataProperties(
        @DefaultValue("data/keys/personal-data-master-key.json")
        Path masterKeyFile,

        @DefaultValue("DAILY|04:00|Europe/Paris") String rotationSchedule) {}
