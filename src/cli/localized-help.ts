import { Command, Help, type Argument, type Option } from 'commander';
import type { MessageId } from '../messages/catalog.js';
import type { MessageLocale } from '../messages/locale.js';
import { message, renderMessage, type MessageValues } from '../messages/message.js';

/** The headings commander hands to `styleTitle`, and their words in the catalogs. */
const TITLES: Readonly<Record<string, MessageId>> = {
  'Usage:': 'help.title.usage',
  'Arguments:': 'help.title.arguments',
  'Options:': 'help.title.options',
  'Global Options:': 'help.title.global-options',
  'Commands:': 'help.title.commands',
};

/**
 * Commander's help in the user's language: the headings and the words it adds
 * to a description (choices, default), from the help catalogs. The layout,
 * flags, command names and values stay commander's own.
 */
export class LocalizedHelp extends Help {
  readonly #locale: MessageLocale;

  constructor(locale: MessageLocale) {
    super();
    this.#locale = locale;
  }

  override styleTitle(title: string): string {
    const id = Object.hasOwn(TITLES, title) ? TITLES[title] : undefined;
    return id === undefined ? title : this.#say(id);
  }

  // The same details and order as commander's own optionDescription, in the user's words.
  override optionDescription(option: Option): string {
    const details: string[] = [];
    if (option.argChoices) details.push(this.#say('help.detail.choices', { choices: quotedList(option.argChoices) }));
    // Commander shows a default only where the user could give a value (not for --no-x's `true`).
    const showDefault = option.required || option.optional || (option.isBoolean() && typeof option.defaultValue === 'boolean');
    if (option.defaultValue !== undefined && showDefault) details.push(this.#say('help.detail.default', { value: defaultText(option) }));
    if (option.presetArg !== undefined && option.optional) details.push(this.#say('help.detail.preset', { value: JSON.stringify(option.presetArg) }));
    if (option.envVar !== undefined) details.push(this.#say('help.detail.env', { variable: option.envVar }));
    return withDetails(option.description, details);
  }

  override argumentDescription(argument: Argument): string {
    const details: string[] = [];
    if (argument.argChoices) details.push(this.#say('help.detail.choices', { choices: quotedList(argument.argChoices) }));
    if (argument.defaultValue !== undefined) details.push(this.#say('help.detail.default', { value: defaultText(argument) }));
    return withDetails(argument.description, details);
  }

  #say(id: MessageId, values?: MessageValues): string {
    return renderMessage(message(id, values), this.#locale);
  }
}

/**
 * A command whose help, and its subcommands' help, is a LocalizedHelp:
 * commander's documented way to give every command the same Help subclass.
 */
export class LocalizedCommand extends Command {
  readonly #locale: MessageLocale;

  constructor(name: string | undefined, locale: MessageLocale) {
    super(name);
    this.#locale = locale;
  }

  override createCommand(name?: string): LocalizedCommand {
    return new LocalizedCommand(name, this.#locale);
  }

  override createHelp(): Help {
    return Object.assign(new LocalizedHelp(this.#locale), this.configureHelp());
  }
}

function quotedList(values: readonly string[]): string {
  return values.map((value) => JSON.stringify(value)).join(', ');
}

function defaultText(item: { readonly defaultValue?: unknown; readonly defaultValueDescription?: string }): string {
  return item.defaultValueDescription || JSON.stringify(item.defaultValue);
}

function withDetails(description: string, details: readonly string[]): string {
  if (details.length === 0) return description;
  const extra = `(${details.join(', ')})`;
  return description ? `${description} ${extra}` : extra;
}
