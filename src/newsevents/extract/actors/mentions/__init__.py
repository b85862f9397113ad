"""Actor mentions in a parsed document, before they are chained into entities.

Three sources, in order of trust: dictionary phrases (countries, capitals, institutions, IGOs,
people), spaCy's PERSON/ORG entities, and role nouns ("officials", "troops", "Foreign Minister").
A mention spans its noun phrase without the determiner ("U.S. President Joe Biden",
"senior Biden administration official"); modifiers inside it give its country and sector.

One module per pass, each taking explicit inputs and returning its outputs; `finder` runs them
in order. Where a new rule goes:
- `record`: the `Mention` record and the read-only `Scope` every pass reads;
- `words`: word lists several passes share; `lexicon`: what a word or phrase tells (a role, the
  sector of an organisation's name, a town's country, an honorific's gender);
- `phrase`: a mention's span and the attributes its own words give (modifiers, "of"/"in" phrases);
- `matches`: which dictionary matches stand for actors;
- `civic`: "the city of X", "the state" as a government;
- `named`: people and organisations named (dictionary, NER, titled names), and the countries,
  capitals and other dictionary names left over;
- `roles`: role nouns ("the minister", "officials", "the government");
- `pronouns`: he/she, it/they;
- `relations`: what one mention tells another (apposition, owner, conjunct, relative clause, party);
  each relation pass returns `Replacements` (new records) and changes nothing it is given, and
  `finder.RELATION_PASSES` lists them in the order the driver applies them;
- `documents`: reports and groups that speak for their authors or members.
"""

from newsevents.extract.actors.mentions.finder import find_mentions
from newsevents.extract.actors.mentions.record import Mention, Scope, merged_in_text_order
from newsevents.extract.actors.mentions.relations import describes_unknown_body

__all__ = ["Mention", "Scope", "describes_unknown_body", "find_mentions", "merged_in_text_order"]
