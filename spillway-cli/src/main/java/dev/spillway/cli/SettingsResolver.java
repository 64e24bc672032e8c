package dev.spillway.cli;

import dev.spillway.api.ExecutionConfig;
import dev.spillway.api.Setting;
import dev.spillway.errors.SpillwayException;
import java.util.Map;

/**
 * Builds the session's starting configuration: defaults, overridden by {@code SPILLWAY_*} environment
 * variables, overridden by flags ({@code SET} statements override all of these later, in the session).
 *
 * <p>Each setting is applied once, with the winning value, in the order of {@link Setting}: some settings
 * derive their default from another (the temp quota from {@code temp_directory}), and applying a lower-ranked
 * value later would bring that default back over an explicit value.
 */
final class SettingsResolver {
    private SettingsResolver() {}

    static ExecutionConfig resolve(Map<String, String> environment, Map<Setting, String> flags) throws UsageException {
        ExecutionConfig config = ExecutionConfig.defaults();
        for (Setting setting : Setting.values()) {
            String flag = flags.get(setting);
            String variable = environment.get(setting.environmentVariable());
            if (flag != null) {
                config = apply(config, setting, flag, setting.cliFlag());
            } else if (variable != null && !variable.isBlank()) {
                config = apply(config, setting, variable, setting.environmentVariable());
            }
        }
        return config;
    }

    private static ExecutionConfig apply(ExecutionConfig config, Setting setting, String value, String source) throws UsageException {
        try {
            return config.with(setting, value);
        } catch (SpillwayException e) {
            throw new UsageException(source + ": " + e.getMessage());
        }
    }
}
