// The field's acronyms and their spelled-out forms, both ways, singular and plural
// (Meilisearch does not stem). Multi-word synonyms match as phrases.

const PAIRS: [string, string][] = [
  ["llm", "large language model"],
  ["lm", "language model"],
  ["vlm", "vision language model"],
  ["lvlm", "large vision language model"],
  ["mllm", "multimodal large language model"],
  ["rag", "retrieval augmented generation"],
  ["moe", "mixture of experts"],
  ["peft", "parameter efficient fine tuning"],
  ["lora", "low rank adaptation"],
  ["cot", "chain of thought"],
  ["rl", "reinforcement learning"],
  ["rlhf", "reinforcement learning from human feedback"],
  ["dpo", "direct preference optimization"],
  ["sft", "supervised fine tuning"],
  ["gnn", "graph neural network"],
  ["vit", "vision transformer"],
  ["icl", "in context learning"],
  ["kd", "knowledge distillation"],
  ["ood", "out of distribution"],
  ["nlp", "natural language processing"],
  ["pde", "partial differential equation"],
  ["nas", "neural architecture search"],
  ["gan", "generative adversarial network"],
  ["vae", "variational autoencoder"],
  ["nerf", "neural radiance field"],
  ["vqa", "visual question answering"],
  ["ssm", "state space model"],
  ["sae", "sparse autoencoder"],
  ["mdp", "markov decision process"],
  ["t2i", "text to image"],
  ["asr", "automatic speech recognition"],
  ["cv", "computer vision"],
];

/** Irregular plurals; every other acronym and phrase takes an "s". */
function plural(term: string): string {
  return `${term}s`;
}

export function buildSynonyms(pairs: [string, string][] = PAIRS): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  const link = (a: string, b: string) => {
    synonyms[a] = [...new Set([...(synonyms[a] ?? []), b])];
  };
  for (const [short, long] of pairs) {
    for (const [s, l] of [
      [short, long],
      [plural(short), plural(long)],
    ] as const) {
      link(s, l);
      link(l, s);
    }
  }
  return synonyms;
}

export const SYNONYMS = buildSynonyms();
