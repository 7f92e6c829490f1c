package fr.rep.caseengine.app.personaldata;

import java.nio.file.Path;
import org.springframework.boot.context.properties.bind.Binder;

/** Where the app with these settings keeps its master key, for commands run without the app (backup, restore). */
public final class MasterKeyLocation {

    private MasterKeyLocation() {}

    /** {@code rep.personal-data.master-key-file}, or its default, as an absolute path. */
    public static Path of(Binder settings) {
        return settings.bindOrCreate("rep.personal-data", PersonalDataProperties.class)
                .masterKeyFile()
                .toAbsolutePath()
                .normalize();
    }
}
