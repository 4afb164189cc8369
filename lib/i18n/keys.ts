import type { MessageKeys, Messages, NestedKeyOf } from "next-intl";

/** A top-level namespace of messages/*.json: "Forms", "Comments", … */
export type Namespace = keyof Messages;

/** A message key inside one namespace; nested messages with a dot ("done.approve"). */
export type MessageKey<N extends Namespace> = MessageKeys<Messages[N], NestedKeyOf<Messages[N]>>;

/** A key in namespace "Forms": what commands refuse with and forms show as errors. */
export type FormsKey = MessageKey<"Forms">;

/** A key in any namespace: a confirmation, which the form shows in its own namespace. */
export type AnyMessageKey = { [N in Namespace]: MessageKey<N> }[Namespace];
