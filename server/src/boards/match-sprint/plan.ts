import type * as Y from 'yjs';
import {
  MS_ROOT,
  baseLanguage,
  readPeople,
  readTranslations,
  translationFor,
  translationTarget,
  type Person,
  type Translation,
} from '@twinspace/shared';
import {
  readCities,
  readMsCards,
  readProjects,
  readReviews,
  readSettings,
  readTasks,
  type MsCard,
  type MsProject,
  type MsReview,
  type MsTask,
} from '@twinspace/shared/boards/match-sprint/read';

/** The joint action plan as both exports read it: one pass over the document. */
export interface ActionPlan {
  cities: string[];
  currentSprint: number;
  projects: PlanProject[];
  people: Map<string, Person>;
}

export interface PlanProject {
  project: MsProject;
  /** The matched cards, titles in the requested language where a translation exists. */
  cards: PlanCard[];
  /** Members by city, names sorted. */
  team: { city: string; names: string[] }[];
  tasks: MsTask[];
  reviews: MsReview[];
}

/** A matched card; `original` is set when its title is shown in a translation. */
export interface PlanCard {
  title: string;
  city: string;
  kind: string;
  original?: { language: string; title: string } | undefined;
}

/** The card in `language` where a participant translated it, else as written. */
function planCard(
  card: MsCard,
  translations: readonly Translation[],
  language: string | undefined,
): PlanCard {
  const base = { title: card.title, city: card.city, kind: card.kind };
  if (!language || (card.language && baseLanguage(card.language) === baseLanguage(language)))
    return base;
  const found = translationFor(translations, translationTarget(MS_ROOT.cards, card.id), language);
  if (!found?.title || found.title === card.title) return base;
  return { ...base, title: found.title, original: { language: card.language, title: card.title } };
}

export function readPlan(doc: Y.Doc, language: string | undefined): ActionPlan {
  const people = readPeople(doc);
  const cards = new Map(readMsCards(doc).map((c) => [c.id, c]));
  const translations = language ? readTranslations(doc) : [];
  const tasks = readTasks(doc);
  const reviews = readReviews(doc);
  const cityNames = readCities(doc).map((c) => c.name);
  const projects = readProjects(doc).map((project): PlanProject => {
    const byCity = new Map<string, string[]>();
    for (const [pid, city] of Object.entries(project.team)) {
      const names = byCity.get(city) ?? [];
      names.push(people.get(pid)?.name ?? pid);
      byCity.set(city, names);
    }
    return {
      project,
      cards: project.cards.flatMap((id) => {
        const card = cards.get(id);
        return card ? [planCard(card, translations, language)] : [];
      }),
      team: [...byCity]
        .map(([city, names]) => ({ city, names: names.sort((a, b) => a.localeCompare(b)) }))
        .sort((a, b) => a.city.localeCompare(b.city)),
      tasks: tasks
        .filter((t) => t.projectId === project.id)
        .sort((a, b) => b.sprint - a.sprint || a.order - b.order || a.createdAt - b.createdAt),
      // The server opens every review before anyone writes (ms commands): not an empty one.
      reviews: reviews
        .filter((r) => r.projectId === project.id && (r.done || r.worked || r.next))
        .sort((a, b) => a.sprint - b.sprint),
    };
  });
  return { cities: cityNames, currentSprint: readSettings(doc).currentSprint, projects, people };
}

/** The name and city of a task's owner (its assignee, else its creator). */
export function taskOwner(plan: ActionPlan, task: MsTask): { name: string; city: string } {
  const person = plan.people.get(task.assignee || task.owner);
  return { name: person?.name ?? '', city: person?.city ?? '' };
}
