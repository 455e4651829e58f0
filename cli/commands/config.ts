import { Command } from "commander";
import { dataDir } from "../../lib/paths";
import { writeConfigValue } from "../../lib/settings/config-file";
import { envNameFor } from "../../lib/settings/define";
import {
  maskSecret,
  parseSettingInput,
  type ResolvedSetting,
  requireSetting,
} from "../../lib/settings/resolve";
import { resolveAllSettings, writeTeamSetting } from "../../lib/settings/team";
import type { CliContext } from "../context";
import { formatPairs, formatTable } from "../output";

function shown(setting: ResolvedSetting): unknown {
  return setting.definition.secret ? maskSecret(setting.value) : setting.value;
}

function text(value: unknown): string {
  if (value === null || value === undefined) return "none";
  return typeof value === "string" ? value : JSON.stringify(value);
}

function describeSource(setting: ResolvedSetting): string {
  return setting.source === "env" ? `env (${setting.envName})` : setting.source;
}

export function configCommand(context: CliContext): Command {
  const config = new Command("config").description("Show and change settings");

  config
    .command("show")
    .description("Show every setting, its value and where it comes from (default, file, database, env)")
    .argument("[key]", "show only this key")
    .addHelpText(
      "after",
      "\nExamples:\n  globallm config show\n  globallm config show filters.min_stars\n  globallm config show --json",
    )
    .action(async (key?: string) => {
      if (key) requireSetting(key);
      const machine = context.machine();
      const all = await context.withDb((db) => resolveAllSettings(db, machine));
      const settings = key ? all.filter((setting) => setting.key === key) : all;
      if (context.output.json) {
        context.output.printJson({
          configFile: machine.configFile,
          settings: Object.fromEntries(
            settings.map((setting) => [
              setting.key,
              {
                value: shown(setting),
                source: setting.source,
                ...(setting.envName ? { envName: setting.envName } : {}),
                scope: setting.definition.scope,
                description: setting.definition.description,
              },
            ]),
          ),
        });
        return;
      }
      context.output.data(
        formatTable(
          ["key", "value", "source", "scope"],
          settings.map((setting) => [
            setting.key,
            text(shown(setting)),
            describeSource(setting),
            setting.definition.scope,
          ]),
        ),
      );
      if (!key) context.output.info(`config file: ${machine.configFile}`);
    });

  config
    .command("set")
    .description("Change a setting: machine keys go to the config file, team keys to the database (audited)")
    .argument("<key>", "setting key, e.g. filters.min_stars")
    .argument("<value>", 'new value ("none" clears an optional value)')
    .addHelpText(
      "after",
      "\nExamples:\n  globallm config set filters.min_stars 5000\n  globallm config set github.token ghp_xxx\n  globallm config set languages python,rust\n  globallm config set budget.weekly.cost_usd 25",
    )
    .action(async (key: string, value: string) => {
      const { definition, value: parsed } = parseSettingInput(key, value);
      const machine = context.machine();
      let result: { before: unknown; after: unknown; changed: boolean; where: string };
      if (definition.scope === "machine") {
        const before = machine.file[key] ?? definition.default;
        writeConfigValue(machine.configFile, key, parsed);
        result = { before, after: parsed ?? definition.default, changed: true, where: machine.configFile };
      } else {
        const change = await context.withDb((db) =>
          writeTeamSetting(db, definition, parsed, context.actor()),
        );
        result = { ...change, where: "database" };
      }
      const mask = (v: unknown) => (definition.secret ? maskSecret(v) : v);
      const override = [envNameFor(key), ...(definition.envAliases ?? [])].find((name) =>
        context.env[name]?.trim(),
      );
      if (context.output.json) {
        context.output.printJson({
          key,
          value: mask(result.after),
          previous: mask(result.before),
          changed: result.changed,
          storedIn: result.where,
          ...(override ? { overriddenBy: override } : {}),
        });
      } else {
        context.output.data(`${key} = ${text(mask(result.after))}${result.changed ? "" : " (unchanged)"}`);
        context.output.info(`stored in ${result.where}`);
      }
      if (override) context.output.info(`note: ${override} is set in this environment and takes precedence.`);
    });

  config
    .command("unset")
    .description("Restore a setting to its default")
    .argument("<key>", "setting key")
    .addHelpText("after", "\nExample:\n  globallm config unset filters.min_stars")
    .action(async (key: string) => {
      const definition = requireSetting(key);
      if (definition.scope === "machine") writeConfigValue(context.machine().configFile, key, null);
      else await context.withDb((db) => writeTeamSetting(db, definition, null, context.actor()));
      if (context.output.json)
        context.output.printJson({
          key,
          value: definition.secret ? null : definition.default,
          source: "default",
        });
      else context.output.data(`${key} = ${text(definition.secret ? null : definition.default)} (default)`);
    });

  config
    .command("path")
    .description("Show where the config file and the data directory are")
    .addHelpText("after", "\nExamples:\n  globallm config path\n  globallm --config ./team.json config path")
    .action(() => {
      const machine = context.machine();
      const paths = { configFile: machine.configFile, dataDir: dataDir(machine.runtime) };
      if (context.output.json) context.output.printJson(paths);
      else if (context.output.tty)
        context.output.data(
          formatPairs([
            ["config file", paths.configFile],
            ["data directory", paths.dataDir],
          ]),
        );
      else context.output.data(paths.configFile);
    });

  return config;
}
