import type { FailureWords } from './words.js';

export const pt: FailureWords = {
  unreachable: 'Não conseguimos acessar o serviço de chamadas. Verifique sua conexão e tente de novo.',
  timeout: 'As chamadas estão demorando demais. Tente de novo daqui a pouco.',
  notFound: 'Esta chamada não existe ou não está mais publicada.',
  problem: 'O serviço de chamadas teve um problema. Tente de novo daqui a pouco.',
  invalid:
    'As chamadas chegaram num formato que esta página não consegue ler. O responsável pelo site foi avisado no console do navegador.',
  noBackend: 'Este widget não tem um serviço para consultar: defina o atributo api (ou a propriedade source).',
  notAllowed:
    'Este site não tem permissão para mostrar estas chamadas. O responsável pelo site foi avisado no console do navegador.',
};
