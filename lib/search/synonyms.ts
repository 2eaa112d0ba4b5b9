// The field's acronyms and their spelled-out forms, linked both ways (Meilisearch does not
// stem). Multi-word synonyms match as phrases. Plurals are written out, not derived: English
// pluralises the head noun ("mixtures of experts", "chains of thought", "decision processes"),
// and many terms have no plural at all ("in context learning", "computer vision") — a rule
// that appends "s" made "icls" and "mixture of expertss".

export interface SynonymPair {
  short: string;
  long: string;
  /** The plural of each form, or null when the term has none in use. */
  plural: { short: string; long: string } | null;
}

const pair = (short: string, long: string, plural: [string, string] | null = null): SynonymPair => ({
  short,
  long,
  plural: plural && { short: plural[0], long: plural[1] },
});

export const SYNONYM_PAIRS: SynonymPair[] = [
  pair("llm", "large language model", ["llms", "large language models"]),
  pair("lm", "language model", ["lms", "language models"]),
  pair("vlm", "vision language model", ["vlms", "vision language models"]),
  pair("lvlm", "large vision language model", ["lvlms", "large vision language models"]),
  pair("mllm", "multimodal large language model", ["mllms", "multimodal large language models"]),
  pair("rag", "retrieval augmented generation"),
  pair("moe", "mixture of experts", ["moes", "mixtures of experts"]),
  pair("peft", "parameter efficient fine tuning"),
  pair("lora", "low rank adaptation"),
  pair("cot", "chain of thought", ["cots", "chains of thought"]),
  pair("rl", "reinforcement learning"),
  pair("rlhf", "reinforcement learning from human feedback"),
  pair("dpo", "direct preference optimization"),
  pair("sft", "supervised fine tuning"),
  pair("gnn", "graph neural network", ["gnns", "graph neural networks"]),
  pair("vit", "vision transformer", ["vits", "vision transformers"]),
  pair("icl", "in context learning"),
  pair("kd", "knowledge distillation"),
  pair("ood", "out of distribution"),
  pair("nlp", "natural language processing"),
  pair("pde", "partial differential equation", ["pdes", "partial differential equations"]),
  pair("nas", "neural architecture search"),
  pair("gan", "generative adversarial network", ["gans", "generative adversarial networks"]),
  pair("vae", "variational autoencoder", ["vaes", "variational autoencoders"]),
  pair("nerf", "neural radiance field", ["nerfs", "neural radiance fields"]),
  pair("vqa", "visual question answering"),
  pair("ssm", "state space model", ["ssms", "state space models"]),
  pair("sae", "sparse autoencoder", ["saes", "sparse autoencoders"]),
  pair("mdp", "markov decision process", ["mdps", "markov decision processes"]),
  pair("t2i", "text to image"),
  pair("asr", "automatic speech recognition"),
  pair("cv", "computer vision"),
];

/** Meilisearch's synonym map: each form of a pair → the other, singular with singular, plural with plural. */
export function buildSynonyms(pairs: SynonymPair[] = SYNONYM_PAIRS): Record<string, string[]> {
  const synonyms: Record<string, string[]> = {};
  const link = (a: string, b: string) => {
    synonyms[a] = [...new Set([...(synonyms[a] ?? []), b])];
  };
  for (const { short, long, plural } of pairs) {
    for (const forms of plural ? [{ short, long }, plural] : [{ short, long }]) {
      link(forms.short, forms.long);
      link(forms.long, forms.short);
    }
  }
  return synonyms;
}

export const SYNONYMS = buildSynonyms();
