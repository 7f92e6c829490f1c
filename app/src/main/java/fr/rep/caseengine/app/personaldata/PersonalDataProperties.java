package fr.rep.caseengine.app.personaldata;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * @param masterKeyFile the Tink keyset that wraps every person's key; created on first start when absent. Keep it
 *                      outside database backups: a backup without it reveals no personal data.
 */
@ConfigurationProperties("rep.personal-data")
record PersonalDataProperties(@DefaultValue("data/personal-data-master-key.json") Path masterKeyFile) {
}
