import type { ListWords } from './words.js';

// Português. Portuguese counts 0 and 1 as singular: Intl.PluralRules says which.
const rules = new Intl.PluralRules('pt');
const one = (n: number) => rules.select(n) === 'one';

export const pt: ListWords = {
  callsLabel: 'Chamadas abertas',
  loading: 'Carregando chamadas…',
  callsShown: (count, n) => (one(n) ? `${count} chamada exibida` : `${count} chamadas exibidas`),
  empty: 'Não há chamadas abertas no momento. Volte em breve: novas chamadas abrem com frequência.',
  emptyFiltered: 'Nenhuma chamada corresponde a esta busca no momento. Volte em breve: novas chamadas abrem com frequência.',
  loadMore: 'Ver mais chamadas',
  allShown: 'Essas são todas as chamadas por enquanto.',
  loadingMore: 'Carregando mais chamadas…',
  retry: 'Tentar de novo',
  errorTitle: 'Não foi possível carregar as chamadas',
  status: { open: 'Aberta', upcoming: 'Abre em breve', closed: 'Encerrada' },
  kind: { text: 'Texto', image: 'Foto ou imagem', audio: 'Áudio', video: 'Vídeo' },
  acceptsLabel: 'Aceita',
  upToCharacters: (count) => `até ${count} caracteres`,
  upToDuration: (duration) => `até ${duration}`,
  maxSize: (size) => `máx. ${size}`,
  upToFiles: (count, n) => (one(n) ? `${count} arquivo` : `até ${count} arquivos`),
  languagesLabel: 'Idiomas',
  deadlineLabel: 'Prazo',
  opensLabel: 'Abre',
  closesRelative: (relative) => `encerra ${relative}`,
  closedRelative: (relative) => `encerrou ${relative}`,
  opensRelative: (relative) => `abre ${relative}`,
  contributions: (count, n) => (one(n) ? `${count} contribuição` : `${count} contribuições`),
  partOf: 'Parte de',
  aboutCall: 'Sobre esta chamada',
  contribute: 'Participar',
  answerUnavailable: 'Não foi possível carregar o formulário. Verifique sua conexão e recarregue a página.',
  notAnswerable: {
    upcoming: 'Esta chamada ainda não está aberta.',
    closed: 'Esta chamada foi encerrada. Obrigado a todos que participaram.',
  },
};
