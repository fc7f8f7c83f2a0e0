package dev.m1go.settings;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who runs m1go, and how its users name a setting. The core names every setting by its one key
 * ({@code m1go.goVersions}, the names of {@link PropertyNames}) and writes a value to give as
 * {@code m1go.goVersions=all}; {@link #render} turns each such mention into what this front end's users type: the
 * Maven plugin says {@code m1go.goVersions} and {@code m1go.goVersions=all}, the {@code m1go} command
 * {@code --go-versions} and {@code --go-versions=all}. The tool name written into reports comes from here too.
 */
public interface Frontend {

    /**
     * The resource bundle that says what each setting does, by {@code <goal>.<key>}, its settings named by key: the
     * {@code m1go} command's option help, and the text the Maven plugin's parameter documentation is held to.
     */
    String DESCRIPTIONS = "dev.m1go.settings.Descriptions";

    /** The generator written into reports: {@code m1go-maven-plugin 0.1.0}, {@code m1go 0.1.0}. */
    String tool();

    /** How a setting is named in prose: {@code m1go.goVersions}, {@code --go-versions}. */
    String name(String key);

    /** What precedes a value given to a setting: {@code m1go.goVersions=}, {@code --go-versions=}. */
    String assignment(String key);

    /** How a goal is named: {@code m1go:reproduce} in Maven, {@code m1go reproduce} on the command line. */
    String goal(String goal);

    /**
     * A message of the core with every setting and goal it names ({@code m1go.goVersions}, {@code m1go:doctor})
     * written the way this front end's users type them.
     */
    default String render(String message) {
        return message == null ? null : Mentions.render(message, this);
    }

    /** The version of the core this runs on (its jar's manifest), {@code dev} when it was not built into a jar. */
    static String coreVersion() {
        String v = Frontend.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    /** The Maven plugin: properties as they are, values given with {@code -D}. */
    static Frontend maven(String version) {
        return new Frontend() {
            @Override
            public String tool() {
                return "m1go-maven-plugin " + version;
            }

            @Override
            public String name(String key) {
                return key;
            }

            @Override
            public String assignment(String key) {
                return "-D" + key + "=";
            }

            @Override
            public String goal(String goal) {
                return "m1go:" + goal;
            }
        };
    }

    /**
     * The {@code m1go} command: {@code m1go.goVersions} is {@code --go-versions}, {@code m1go.stress.runs}
     * {@code --stress-runs}; a goal's own setting drops the goal ({@code m1go.doctor.failOn} is {@code --fail-on} of
     * {@code m1go doctor}); {@code m1go.targetEnv.linux-arm64.CC} is {@code --target-env linux-arm64.CC},
     * {@code m1go.runEnv.GODEBUG} {@code --run-env GODEBUG}, {@code m1go.container.hosts.linux-arm64}
     * {@code --container-hosts linux-arm64}. The switches that skip a Maven goal have no option and
     * keep their key.
     */
    static Frontend commandLine(String version) {
        return new Frontend() {
            @Override
            public String tool() {
                return "m1go " + version;
            }

            @Override
            public String name(String key) {
                return option(key);
            }

            @Override
            public String assignment(String key) {
                String option = option(key);
                if (PropertyNames.family(key) != null) {
                    return option + "=";
                }
                return option.startsWith("--") ? option + "=" : "-D" + key + "="; // a Maven-only switch
            }

            @Override
            public String goal(String goal) {
                return "m1go " + goal;
            }
        };
    }

    /**
     * The command-line option of a key: the pom element in kebab case, without a goal's prefix; the skip switches
     * (Maven-only) and unknown keys are returned as they are.
     */
    static String option(String key) {
        for (String prefix : PropertyNames.FAMILIES) {
            String option = "--"
                    + PropertyNames.element(prefix.substring(0, prefix.length() - 1))
                            .replaceAll("([A-Z])", "-$1")
                            .toLowerCase(Locale.ROOT);
            if (key.equals(prefix.substring(0, prefix.length() - 1))) {
                return option;
            }
            if (key.startsWith(prefix)) {
                return option + " " + key.substring(prefix.length());
            }
        }
        if (!PropertyNames.ALL.contains(key) || key.equals(PropertyNames.SKIP) || key.endsWith(".skip")) {
            return key;
        }
        String element = PropertyNames.element(key);
        for (String goal : PropertyNames.GOALS) {
            String scoped = PropertyNames.PREFIX + goal + ".";
            if (key.startsWith(scoped)) {
                element = PropertyNames.element(PropertyNames.PREFIX + key.substring(scoped.length()));
            }
        }
        StringBuilder sb = new StringBuilder("--");
        for (char c : element.toCharArray()) {
            if (Character.isUpperCase(c)) {
                sb.append('-').append(Character.toLowerCase(c));
            } else {
                sb.append(c);
            }
        }
        return sb.toString().toLowerCase(Locale.ROOT);
    }

    /** Finds the settings a message names. */
    final class Mentions {
        // a key not inside a longer dotted or path-like name (dev.m1go.run, .m1go.lock, target/m1go), with an
        // optional -D before it and an optional = after it
        private static final Pattern MENTION = Pattern.compile("(?<![\\w./$-])(-D)?(m1go(?:\\.[A-Za-z][\\w-]*)+)(=?)");

        private Mentions() {}

        private static final Pattern GOAL =
                Pattern.compile("(?<![\\w./$-])m1go:(" + String.join("|", PropertyNames.GOALS) + ")\\b");

        static String render(String message, Frontend frontend) {
            Objects.requireNonNull(frontend, "frontend");
            Matcher g = GOAL.matcher(message);
            StringBuilder goals = new StringBuilder();
            while (g.find()) {
                g.appendReplacement(goals, Matcher.quoteReplacement(frontend.goal(g.group(1))));
            }
            g.appendTail(goals);
            Matcher m = MENTION.matcher(goals);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                String key = known(m.group(2));
                if (key == null) {
                    m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
                    continue;
                }
                String rest = m.group(2).substring(key.length());
                boolean assigned = !m.group(3).isEmpty() && rest.isEmpty();
                String rendered = assigned ? frontend.assignment(key) : frontend.name(key) + rest + m.group(3);
                m.appendReplacement(out, Matcher.quoteReplacement(rendered));
            }
            m.appendTail(out);
            return out.toString();
        }

        /** The longest known key the mention starts with, cut at a dot, or null. */
        private static String known(String mention) {
            if (PropertyNames.family(mention) != null) {
                return mention;
            }
            String key = mention;
            while (true) {
                if (PropertyNames.ALL.contains(key)) {
                    return key;
                }
                int dot = key.lastIndexOf('.');
                if (dot <= PropertyNames.PREFIX.length() - 1) {
                    return null;
                }
                key = key.substring(0, dot);
            }
        }
    }
}
