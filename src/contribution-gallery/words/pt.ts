import type { GalleryWords } from './words.js';

const rules = new Intl.PluralRules('pt');
const one = (n: number) => rules.select(n) === 'one';

export const pt: GalleryWords = {
  label: 'Contribuições',
  loading: 'Carregando contribuições…',
  loadingMore: 'Carregando mais contribuições…',
  loadMore: 'Ver mais contribuições',
  retry: 'Tentar de novo',
  empty: 'Ainda não há nada publicado aqui. Seja a primeira pessoa a participar!',
  errorTitle: 'Não foi possível mostrar as contribuições.',
  shown: (count, n) => (one(n) ? `${count} contribuição exibida` : `${count} contribuições exibidas`),
  answers: (title) => `Em resposta a “${title}”`,
  untitled: 'Sem título',
  by: (name) => `por ${name}`,
  license: (license) => `Licença: ${license}`,
  buildsOn: 'Baseado em',
  buildsOnOther: (n) => (one(n) ? 'outra contribuição' : `outras ${n} contribuições`),
  published: (date) => `Publicado em ${date}`,
  buildOnThis: 'Criar a partir disto',
  buildOnThisLabel: (title, name) => `Criar a partir disto: “${title}”, de ${name}`,
  closeForm: 'Fechar',
  formHeading: (title, name) => `A partir de “${title}”, de ${name}`,
  formUnavailable: 'Não foi possível carregar o formulário. Verifique sua conexão e tente de novo.',
  keyboardHint: 'Use as setas do teclado para passar de uma contribuição a outra.',
  media: { image: 'Imagem', audio: 'Áudio', video: 'Vídeo' },
};
