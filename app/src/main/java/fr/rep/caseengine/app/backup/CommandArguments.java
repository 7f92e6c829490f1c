package fr.rep.caseengine.app.backup;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.SimpleCommandLinePropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * A command's arguments: its directories (the arguments without {@code --}) and the settings the app would read from
 * the rest, the environment and the system properties.
 *
 * @param options the {@code --name=value} arguments as given, to hand on to the app
 */
record CommandArguments(List<String> directories, List<String> options, Binder settings) {

    static CommandArguments of(String... args) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new SimpleCommandLinePropertySource(args));
        return new CommandArguments(
                Arrays.stream(args).filter(arg -> !arg.startsWith("--")).toList(),
                Arrays.stream(args).filter(arg -> arg.startsWith("--")).toList(),
                new Binder(ConfigurationPropertySources.get(environment)));
    }
}
