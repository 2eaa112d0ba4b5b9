/** The small bordered button of the pages that manage what a visitor keeps in this browser (/lists, /saved). */
export const BUTTON_CLASS =
  "rounded-md border border-stone-300 px-2 py-1 text-sm hover:border-accent-500 hover:text-accent-700 disabled:cursor-not-allowed disabled:opacity-40 dark:border-stone-700 dark:hover:text-accent-100";
