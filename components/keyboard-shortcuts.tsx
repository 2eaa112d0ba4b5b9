"use client";

import { useEffect } from "react";
import { isTyping } from "./is-typing";

/**
 * Keyboard use of search: "/" focuses the search box (the page's own, else the header's);
 * ↓ and ↑ move between results (from the box or a result), and Enter opens the focused one.
 */
export function KeyboardShortcuts() {
  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey) return;
      if (event.key === "/" && !isTyping(event.target)) {
        const box =
          document.querySelector<HTMLInputElement>("[data-search-input]") ??
          document.querySelector<HTMLInputElement>("input[type=search]");
        if (box) {
          event.preventDefault();
          box.focus();
          box.select();
        }
        return;
      }
      if (event.key !== "ArrowDown" && event.key !== "ArrowUp") return;
      const links = [...document.querySelectorAll<HTMLAnchorElement>("[data-result-link]")];
      if (links.length === 0) return;
      const target = event.target as HTMLElement;
      const fromBox = target.matches("[data-search-input]");
      const index = links.indexOf(target as HTMLAnchorElement);
      if (!fromBox && index < 0) return;
      event.preventDefault();
      if (event.key === "ArrowDown") links[fromBox ? 0 : Math.min(index + 1, links.length - 1)]!.focus();
      else if (index <= 0) document.querySelector<HTMLInputElement>("[data-search-input]")?.focus();
      else links[index - 1]!.focus();
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
  return null;
}
